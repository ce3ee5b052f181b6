package org.landledger.render;

/** 样式规则: a legend entry — Chinese and English titles, the features it takes and how they are drawn. */
public record Rule(String titleZh, String titleEn, RuleFilter filter, Symbolizer symbolizer) {

  public boolean isElse() {
    return filter instanceof RuleFilter.Else;
  }

  public String title(boolean chinese) {
    return chinese ? titleZh : titleEn;
  }
}
