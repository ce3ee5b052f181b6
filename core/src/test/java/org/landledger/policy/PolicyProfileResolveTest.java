package org.landledger.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.landledger.io.InputDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles named on the command line or over HTTP: shipped names first, files otherwise. */
class PolicyProfileResolveTest {

  @Test
  void shippedNamesResolveWithoutAFile() {
    assertThat(PolicyProfile.resolve(null).id()).isEqualTo("cn-national-default");
    PolicyProfile p = PolicyProfile.resolve("example-province-homestead");
    assertThat(p.id()).isEqualTo("example-province-homestead");
    // The example province's plain-area standard is 250 m² per household; it extends the national default,
    // so national keys are present too.
    assertThat(p.number("homestead.areaStandardM2.plain")).isEqualTo(250.0);
    assertThat(p.number("redline.minOverlapM2")).isEqualTo(PolicyProfile.nationalDefault().number("redline.minOverlapM2"));
  }

  @Test
  void otherValuesAreFiles(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, "{\"id\":\"mine\",\"version\":\"1\",\"extends\":\"cn-national-default\",\"parameters\":{}}");
    assertThat(PolicyProfile.resolve(f.toString()).id()).isEqualTo("mine");
    assertThatThrownBy(() -> PolicyProfile.resolve(dir.resolve("missing.json").toString()))
        .isInstanceOf(InputDataException.class).hasMessageContaining("missing.json");
    assertThatThrownBy(() -> PolicyProfile.shipped("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example-province-homestead");
  }
}
