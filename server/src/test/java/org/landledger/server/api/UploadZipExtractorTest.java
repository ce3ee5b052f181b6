package org.landledger.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.server.Limits;

/** Entry names and the agreement between an archive's central directory and its local headers. */
class UploadZipExtractorTest {

  @Test
  void namesThatStayInsideAreAccepted() {
    for (String ok : List.of("DLTB.shp", "county/DLTB.shp", "地类图斑.dbf", "a/b/", "...shp", "a..b.shp")) {
      assertThatCode(() -> ZipExtractor.checkName(ok)).as(ok).doesNotThrowAnyException();
    }
  }

  @Test
  void namesThatCouldEscapeOrMisleadAreRefused() {
    for (String bad : List.of("..", "a/..", "../a.shp", "a/../../b.shp", "./a.shp", "a/./b.shp", "a//b.shp",
        "/etc/x.shp", "\\\\server\\share\\x.shp", "..\\a.shp", "c:x.shp", "C:/x.shp", "a.shp:stream",
        "a\u0000b.shp", "a\nb.shp", "1/2/3/4/5/6/7/x.shp", "x".repeat(256), "")) {
      assertThatThrownBy(() -> ZipExtractor.checkName(bad)).as(bad).isInstanceOf(UploadRefused.class)
          .satisfies(e -> assertThat(((UploadRefused) e).status()).isEqualTo(400));
    }
  }

  @Test
  void aLocalHeaderNamedOtherwiseThanTheCentralDirectoryIsRefused(@TempDir Path dir) throws IOException {
    // The central directory says "aaaa.prj"; the local header (what a streaming extractor reads) says
    // "../a.prj" or "bbbb.prj" — same length, so only the name bytes differ.
    byte[] zip = zip("aaaa.prj", "aaaa.shp", "aaaa.shx", "aaaa.dbf");
    for (String local : List.of("../a.prj", "bbbb.prj")) {
      byte[] forged = zip.clone();
      byte[] from = "aaaa.prj".getBytes(StandardCharsets.US_ASCII);
      byte[] to = local.getBytes(StandardCharsets.US_ASCII);
      // The local header comes first: its name sits at offset 30.
      assertThat(java.util.Arrays.equals(forged, 30, 38, from, 0, 8)).isTrue();
      System.arraycopy(to, 0, forged, 30, 8);
      Path file = Files.write(dir.resolve("f.zip"), forged);
      Path target = Files.createDirectories(dir.resolve("out-" + local.hashCode()));
      assertThatThrownBy(() -> ZipExtractor.extract(file, target, Limits.DEFAULT)).isInstanceOf(UploadRefused.class)
          .hasMessageContaining(local.startsWith("..") ? "'..' path segments" : "not in the archive's central directory");
      try (Stream<Path> s = Files.walk(dir)) {
        assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("a.prj", "bbbb.prj");
      }
    }
  }

  @Test
  void extractsAShapefileSetAndSkipsFinderResourceForks(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("f.zip"), zip("set/DLTB.shp", "set/DLTB.shx", "set/DLTB.dbf", "__MACOSX/set/._DLTB.shp"));
    Path target = Files.createDirectories(dir.resolve("out"));
    List<Path> written = ZipExtractor.extract(file, target, Limits.DEFAULT);
    assertThat(written).extracting(p -> target.relativize(p).toString())
        .containsExactly("set/DLTB.shp", "set/DLTB.shx", "set/DLTB.dbf");
    assertThat(target.resolve("__MACOSX")).doesNotExist();
  }

  @Test
  void aFileAndAFolderOfOneNameAreRefusedNotAnInternalError(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("f.zip"), zip("a.shp", "a.shx", "a.dbf", "a.shp/"));
    Path target = Files.createDirectories(dir.resolve("out"));
    assertThatThrownBy(() -> ZipExtractor.extract(file, target, Limits.DEFAULT)).isInstanceOf(UploadRefused.class)
        .hasMessageContaining("\"a.shp/\": clashes with another entry");
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (String n : names) {
        z.putNextEntry(new ZipEntry(n));
        z.write(("content of " + n).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
