package org.landledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void checkCharacterFollowsGb11643() {
    // 2 2 0 1 0 2 1 9 8 0 0 1 0 1 1 2 3 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 14+18+0+5+0+8+2+9+48+0+0+9+0+5+8+8+6 = 140; 140 mod 11 = 8 → "10X98765432"[8] = '4'
    assertThat(IdNumbers.checkCharacter("22010219800101123")).isEqualTo('4');
    // 1 1 0 1 0 5 1 9 4 9 1 0 0 1 0 0 1: 7+9+0+5+0+20+2+9+24+27+7+0+0+5+0+0+2 = 117; 117 mod 11 = 7 → '5'
    assertThat(IdNumbers.checkCharacter("11010519491001001")).isEqualTo('5');
    assertThatThrownBy(() -> IdNumbers.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validEighteenDigitNumbersPassAndLowercaseXIsNormalised() {
    assertThat(IdNumbers.validate("220102198001011234", TODAY).valid()).isTrue();
    assertThat(IdNumbers.validate(" 220102198001011234 ", TODAY).canonical()).isEqualTo("220102198001011234");
    // a check character X: 11010519491001001 gives '5', so look for one giving X by brute force in range
    String body = null;
    for (int i = 0; i < 1000 && body == null; i++) {
      String b = String.format("110105194910010%02d", i % 100).substring(0, 17);
      if (IdNumbers.checkCharacter(b) == 'X') {
        body = b;
      }
    }
    assertThat(body).isNotNull();
    assertThat(IdNumbers.validate(body + "x", TODAY).canonical()).isEqualTo(body + "X");
  }

  @Test
  void wrongCheckDigitBadDateAndWrongLengthAreRejectedWithoutQuotingTheNumber() {
    IdNumbers.Validation v = IdNumbers.validate("220102198001011235", TODAY);
    assertThat(v.valid()).isFalse();
    assertThat(v.reason()).contains("校验位").doesNotContain("220102198001011235");
    assertThat(IdNumbers.validate("220102198002301236", TODAY).reason()).contains("出生日期无效");
    assertThat(IdNumbers.validate("220102203001011230", TODAY).reason()).contains("超出范围");
    assertThat(IdNumbers.validate("2201021980", TODAY).reason()).contains("长度为 10 位");
    assertThat(IdNumbers.validate("22010219800101123A", TODAY).valid()).isFalse();
    assertThat(IdNumbers.validate(null, TODAY).valid()).isFalse();
  }

  @Test
  void legacyFifteenDigitNumbersConvertToTheEighteenDigitForm() {
    // 220102 800101 123 → 220102 19 800101 123 + check '4'
    assertThat(IdNumbers.validate("220102800101123", TODAY).canonical()).isEqualTo("220102198001011234");
    assertThat(IdNumbers.validate("220102801301123", TODAY).valid()).isFalse();
  }

  @Test
  void maskKeepsFirstSixAndLastFour() {
    assertThat(IdNumbers.mask("220102198001011234")).isEqualTo("220102********1234");
    assertThat(IdNumbers.mask("220102800101123")).isEqualTo("220102*****1123");
    assertThat(IdNumbers.mask("12345")).isEqualTo("12***");
    assertThat(IdNumbers.mask("2201021980")).isEqualTo("22010*****");
  }

  @Test
  void redactMasksIdShapedTokensInFreeText() {
    String text = "row 3: 220102198001011234, old 220102800101123; code 220102001001JC00001; x1234567890123456789";
    String r = PersonalData.redact(text);
    assertThat(r).doesNotContain("220102198001011234").doesNotContain("220102800101123")
        .contains("220102********1234").contains("220102*****1123")
        // a 19-character parcel code and a 19-digit run are not ID numbers and stay
        .contains("220102001001JC00001").contains("x1234567890123456789");
    assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
    assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
  }

  @Test
  void householdKeysAreSaltedStableUnderOneSaltAndIndependentOfTheNumberForm() {
    HouseholdKeys k1 = HouseholdKeys.withSalt("0123456789abcdef-test", "test");
    HouseholdKeys k2 = HouseholdKeys.withSalt("another-salt-0123456789", "test");
    String a = k1.ofIdNumber("220102198001011234");
    assertThat(a).isEqualTo(k1.ofIdNumber(IdNumbers.validate("220102800101123", TODAY).canonical()))
        .hasSize(17).startsWith("H").doesNotContain("1234");
    assertThat(k2.ofIdNumber("220102198001011234")).isNotEqualTo(a);
    assertThat(HouseholdKeys.perRun().ofIdNumber("220102198001011234")).isNotEqualTo(a);
    assertThat(k1.ofHouseholdCode("户001")).isNotEqualTo(k1.ofIdNumber("户001"));
    assertThat(k1.describe()).doesNotContain("0123456789abcdef");
    assertThatThrownBy(() -> HouseholdKeys.withSalt("short", "test")).isInstanceOf(IllegalArgumentException.class);
  }
}
