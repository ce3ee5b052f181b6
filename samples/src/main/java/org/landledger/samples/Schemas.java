package org.landledger.samples;

import java.util.ArrayList;
import java.util.List;
import org.landledger.io.Field;
import org.landledger.io.FieldType;
import org.landledger.io.LayerSchema;

/**
 * 图层结构: field names, types and DBF widths of the generated layers, following the 三调 database
 * standard (DLTB, XZQ, CJDCQ), the 三区三线 planning databases (YJJBNTTB, STBHHX, CZKFBJ), the 房地一体
 * cadastre (宗地: ZDDM 19 characters) and common 增减挂钩 project tables (CJQ/JXQ). Widths are in bytes
 * (GBK: two per Chinese character).
 */
final class Schemas {

  private Schemas() {}

  static final LayerSchema DLTB = schema("DLTB", "Polygon",
      "BSM:C18", "DLBM:C5", "DLMC:C60", "QSXZ:C2", "QSDWDM:C19", "ZLDWDM:C19", "TBMJ:N15.2", "KCDLBM:C5",
      "KCXS:N6.4", "KCMJ:N15.2", "TBDLMJ:N15.2", "GDLX:C2", "GDPDJB:C2", "GDDB:I2", "CZCSXM:C4", "SJNF:I4");

  static final LayerSchema XZQ = schema("XZQ", "Polygon",
      "BSM:C18", "XZQDM:C12", "XZQMC:C100", "XJDM:C6", "XJMC:C100", "MJ:N15.2");

  static final LayerSchema CJDCQ = schema("CJDCQ", "Polygon",
      "BSM:C18", "ZLDWDM:C19", "ZLDWMC:C100", "XZQDM:C12", "DCMJ:N15.2");

  static final LayerSchema YJJBNTTB = schema("YJJBNTTB", "Polygon",
      "BSM:C18", "YJJBNTTBBH:C12", "DLBM:C5", "DLMC:C60", "GDLX:C2", "PDJB:C2", "ZLDWDM:C19", "TBMJ:N15.2",
      "KCXS:N6.4", "KCMJ:N15.2", "YJJBNTMJ:N15.2", "GDDB:I2");

  static final LayerSchema STBHHX = schema("STBHHX", "Polygon",
      "BSM:C18", "HXBH:C20", "HXMC:C120", "HXLX:C40", "XZQDM:C12", "MJ:N15.2");

  static final LayerSchema CZKFBJ = schema("CZKFBJ", "Polygon",
      "BSM:C18", "CZKFBJBH:C20", "XZQDM:C12", "XZQMC:C100", "LX:C40", "MJ:N15.2");

  static final LayerSchema ZJD = schema("ZJD", "Polygon",
      "BSM:C18", "ZDDM:C19", "QLRMC:C60", "ZJH:C18", "HHBM:C16", "ZLDWDM:C19", "YT:C5", "ZDMJ:N12.2",
      "TCBZ:I1");

  static final LayerSchema CJQ = schema("CJQ", "Polygon",
      "BSM:C18", "XMBH:C20", "XMMC:C120", "DKBH:C24", "ZLDWDM:C19", "DLBM:C5", "FKDL:C5", "ZLDB:I2",
      "MJ:N15.2", "PFRQ:C10", "XMZT:C20");

  static final LayerSchema JXQ = schema("JXQ", "Polygon",
      "BSM:C18", "XMBH:C20", "XMMC:C120", "DKBH:C24", "ZLDWDM:C19", "DLBM:C5", "GDDB:I2", "JSYT:C5",
      "MJ:N15.2", "PFRQ:C10", "GHQX:C10", "XMZT:C20");

  static final LayerSchema PLAN = schema("PLAN", "Polygon",
      "BSM:C18", "XMMC:C120", "GHYT:C5", "NGMJ:N15.2", "XZQDM:C12", "NF:I4");

  static final LayerSchema AZQ = schema("AZQ", "Polygon",
      "BSM:C18", "AZQMC:C100", "XZQDM:C12", "AZHS:I6", "MJ:N15.2");

  static final LayerSchema DLTB_BEFORE = DLTB.withName("DLTB_BEFORE");

  /** Fields as NAME:Cw (text), NAME:Nw.d (decimal), NAME:Iw (integer). */
  private static LayerSchema schema(String name, String geometryType, String... specs) {
    List<Field> fields = new ArrayList<>();
    for (String s : specs) {
      String[] p = s.split(":");
      char t = p[1].charAt(0);
      String size = p[1].substring(1);
      fields.add(switch (t) {
        case 'C' -> new Field(p[0], FieldType.STRING, Integer.parseInt(size), 0);
        case 'I' -> new Field(p[0], FieldType.INTEGER, Integer.parseInt(size), 0);
        case 'N' -> {
          String[] wd = size.split("\\.");
          yield new Field(p[0], FieldType.DOUBLE, Integer.parseInt(wd[0]), Integer.parseInt(wd[1]));
        }
        default -> throw new IllegalArgumentException(s);
      });
    }
    return new LayerSchema(name, fields, geometryType);
  }
}
