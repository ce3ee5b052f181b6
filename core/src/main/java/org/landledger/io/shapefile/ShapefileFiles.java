package org.landledger.io.shapefile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Shapefile 文件组: the names of a shapefile's sibling files (.shx, .dbf, .prj, .cpg, .qix, .llidx). */
public final class ShapefileFiles {

  private ShapefileFiles() {}

  /** The file name without its extension. */
  public static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** A sibling with another extension, accepting either case (".dbf" or ".DBF"); the lower-case one if neither exists. */
  public static Path sibling(Path shp, String ext) {
    String stem = stem(shp);
    Path dir = shp.toAbsolutePath().getParent();
    for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
      Path p = dir.resolve(stem + e);
      if (Files.exists(p)) {
        return p;
      }
    }
    return dir.resolve(stem + ext);
  }
}
