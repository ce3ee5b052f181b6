package org.landledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.landledger.landuse.LandUseCodes;
import org.landledger.render.SldWriter;
import org.landledger.render.Style;
import org.landledger.render.Styles;

class SldWriterTest {

  @Test
  void everyProjectStyleExportsAsSchemaValidSld10() {
    for (Style s : new Style[] {Styles.landUse(LandUseCodes.standard()), Styles.redLineStatus(), Styles.conflict(),
        Styles.plain("x")}) {
      for (SldWriter.GeometryKind k : SldWriter.GeometryKind.values()) {
        Fixtures.validate(SldWriter.toSld("layer", s, k), "ogc/sld/1.0.0/StyledLayerDescriptor.xsd");
      }
    }
  }

  @Test
  void landUseRulesListEveryCodeOfTheGroup() {
    String sld = SldWriter.toSld("DLTB", Styles.landUse(LandUseCodes.standard()));
    // 耕地 (group 01) is 0101, 0102, 0103: an Or of three equalities, coloured #FFFF64.
    assertThat(sld).contains("<Title>01 耕地</Title><ogc:Filter><ogc:Or><ogc:PropertyIsEqualTo><ogc:PropertyName>DLBM"
        + "</ogc:PropertyName><ogc:Literal>0101</ogc:Literal></ogc:PropertyIsEqualTo>");
    assertThat(sld).contains("<CssParameter name=\"fill\">#FFFF64</CssParameter>");
    // Wetland classes grouped under 00 by 三调 (e.g. 0303 红树林地) are in the 00 rule, not 03.
    int wet = sld.indexOf("<Title>00 湿地</Title>");
    int forest = sld.indexOf("<Title>03 林地</Title>");
    assertThat(sld.substring(wet, sld.indexOf("</Rule>", wet))).contains("<ogc:Literal>0303</ogc:Literal>");
    assertThat(sld.substring(forest, sld.indexOf("</Rule>", forest))).doesNotContain("<ogc:Literal>0303</ogc:Literal>");
  }
}
