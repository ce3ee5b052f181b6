package org.landledger.samples;

import java.util.Set;

/**
 * 中文名称: plausible person, township and village names drawn deterministically from common characters.
 * Surnames follow the frequency order of the common-surname lists (the first ones far more often).
 */
final class ChineseNames {

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN =
      "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国玉梅志红德福海春生文金荣云凤兵鹏飞宇浩然子轩"
          + "雪婷晓东永利宝山林成秋菊长顺庆丰振兴淑珍立新俊峰学民";
  private static final String PLACE_A = "柳杨桃杏枣槐桑梨李王张刘赵孙马高石黄白青清东西南北前后上下大小新老长双龙凤金";
  private static final String PLACE_B = "河泉林山岭峪庄屯营店集沟洼坡台湖塘桥堡寨铺园源坊亭";
  private static final String[] VILLAGE_SUFFIX = {"村", "庄村", "家庄村", "屯村", "营村", "店村", "集村", "沟村", "家村"};

  private ChineseNames() {}

  /** A person's name (surname + one or two characters). */
  static String person(long seed, long a, long b) {
    double s = Hashing.unit(seed, a, b, 301);
    // Squared uniform favours the first (most common) surnames.
    char surname = SURNAMES.charAt((int) (s * s * SURNAMES.length()));
    StringBuilder n = new StringBuilder().append(surname);
    n.append(GIVEN.charAt(Hashing.below(seed, a, b, 302, GIVEN.length())));
    if (Hashing.unit(seed, a, b, 303) < 0.7) {
      n.append(GIVEN.charAt(Hashing.below(seed, a, b, 304, GIVEN.length())));
    }
    return n.toString();
  }

  /** Draws of two-character names before trying three characters (there are only ≈ 1 100 two-character ones). */
  static final int TWO_CHAR_TRIES = 4096;

  /**
   * A two-character place name not yet in {@code used}; once those run out (a province has more villages than
   * there are two-character names), a three-character one, then one with a number.
   */
  static String place(long seed, long a, long salt, Set<String> used) {
    for (int k = 0; ; k++) {
      String n = "" + PLACE_A.charAt(Hashing.below(seed, a, k, salt, PLACE_A.length()))
          + PLACE_B.charAt(Hashing.below(seed, a, k, salt + 1, PLACE_B.length()));
      if (k >= TWO_CHAR_TRIES) {
        n = n.charAt(0) + "" + PLACE_A.charAt(Hashing.below(seed, a, k, salt + 2, PLACE_A.length())) + n.charAt(1);
      }
      if (k >= 2 * TWO_CHAR_TRIES) {
        n = n + (k - 2 * TWO_CHAR_TRIES + 1);
      }
      if (used.add(n)) {
        return n;
      }
    }
  }

  static String villageSuffix(long seed, long a) {
    return VILLAGE_SUFFIX[Hashing.below(seed, a, 0, 305, VILLAGE_SUFFIX.length)];
  }
}
