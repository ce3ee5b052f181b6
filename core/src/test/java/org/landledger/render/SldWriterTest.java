package org.landledger.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SLD's filters reproduce the renderer's "first match wins, else last" without ElseFilter. */
class SldWriterTest {

  private static final Symbolizer S = new Symbolizer(Color.RED, Color.BLACK, 1f, Symbolizer.Hatch.NONE, 4f);

  private static String eq(String p, String v) {
    return "<ogc:PropertyIsEqualTo><ogc:PropertyName>" + p + "</ogc:PropertyName><ogc:Literal>" + v
        + "</ogc:Literal></ogc:PropertyIsEqualTo>";
  }

  @Test
  void elseIsNotOfEveryOtherRuleAndOverlapsAreExcluded() {
    Style style = new Style("s", "样式", "style", List.of(
        new Rule("失败", "fail", new RuleFilter.PropertyIn("STATUS", Set.of("FAIL")), S),
        new Rule("警告", "warn", new RuleFilter.PropertyIn("STATUS", Set.of("WARN")), S),
        // Another property: may take a FAIL or WARN feature, which the renderer gives to the earlier rules.
        new Rule("耕地", "farmland", new RuleFilter.PropertyIn("DLBM", Set.of("0101")), S),
        new Rule("其他", "other", new RuleFilter.Else(), S),
        new Rule("其他2", "other2", new RuleFilter.Else(), S)));
    String sld = SldWriter.toSld("L", style);
    assertThat(sld).doesNotContain("ElseFilter").doesNotContain("other2");
    // fail: alone; warn: disjoint from fail (same property, no shared value), so alone too.
    assertThat(sld).contains("<Title>失败</Title><ogc:Filter>" + eq("STATUS", "FAIL") + "</ogc:Filter>");
    assertThat(sld).contains("<Title>警告</Title><ogc:Filter>" + eq("STATUS", "WARN") + "</ogc:Filter>");
    assertThat(sld).contains("<Title>耕地</Title><ogc:Filter><ogc:And>" + eq("DLBM", "0101")
        + "<ogc:Not><ogc:Or>" + eq("STATUS", "FAIL") + eq("STATUS", "WARN") + "</ogc:Or></ogc:Not></ogc:And></ogc:Filter>");
    assertThat(sld).contains("<Title>其他</Title><ogc:Filter><ogc:Not><ogc:Or>" + eq("STATUS", "FAIL")
        + eq("STATUS", "WARN") + eq("DLBM", "0101") + "</ogc:Or></ogc:Not></ogc:Filter>");
  }

  @Test
  void aLoneElseRuleHasNoFilter() {
    Style style = new Style("s", "样式", "style", List.of(new Rule("全部", "all", new RuleFilter.Else(), S)));
    assertThat(SldWriter.toSld("L", style)).contains("<Title>全部</Title><PolygonSymbolizer>");
  }
}
