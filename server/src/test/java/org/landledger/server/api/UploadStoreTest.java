package org.landledger.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landledger.server.Limits;
import org.landledger.server.catalog.Catalog;

/** The store on its own: how many uploads it processes at once, and what the name and content checks say. */
class UploadStoreTest {

  @Test
  void aThirdConcurrentUploadIsToldToComeBackAndNothingIsLeft(@TempDir Path dir) throws Exception {
    UploadStore store = new UploadStore(dir.resolve("uploads"), new Catalog(List.of()), Limits.DEFAULT);
    CountDownLatch release = new CountDownLatch(1);
    List<Throwable> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Thread t = new Thread(() -> {
        try {
          store.receive(new StalledBody(release), -1, "application/zip", name);
        } catch (Throwable e) {
          outcomes.add(e);
        }
      });
      t.start();
      threads.add(t);
    }
    // Wait (without asserting any duration) until both uploads are being received.
    for (int i = 0; i < 2000 && store.active() < 2; i++) {
      Thread.sleep(5);
    }
    assertThat(store.active()).isEqualTo(2);
    assertThatThrownBy(() -> store.receive(InputStream.nullInputStream(), -1, "application/zip", "c"))
        .isInstanceOf(UploadRefused.class).satisfies(e -> assertThat(((UploadRefused) e).status()).isEqualTo(429));
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    // Both stalled bodies end as a truncated zip: refused, their temporary folders gone, the slots free again.
    assertThat(outcomes).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(UploadRefused.class));
    assertThat(store.active()).isZero();
    try (Stream<Path> s = Files.list(dir.resolve("uploads"))) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void contentTypesAndNames() {
    assertThat(UploadStore.claimed("application/zip; charset=binary")).isEqualTo(UploadStore.Kind.ZIP);
    assertThat(UploadStore.claimed("Application/GeoPackage+SQLite3")).isEqualTo(UploadStore.Kind.GEOPACKAGE);
    assertThat(UploadStore.claimed(null)).isNull();
    assertThatThrownBy(() -> UploadStore.claimed("application/json")).isInstanceOf(UploadRefused.class);
    assertThat(UploadStore.checkName("县_2024-v2")).isEqualTo("县_2024-v2");
    for (String bad : List.of("2024", "a.b", "a/b", "..", "-a", "lpt1", "x".repeat(65), "a b")) {
      assertThatThrownBy(() -> UploadStore.checkName(bad)).as(bad).isInstanceOf(UploadRefused.class);
    }
  }

  /** A zip body whose first bytes arrive and whose rest waits for the latch (then ends, truncated). */
  static final class StalledBody extends InputStream {
    private final CountDownLatch release;
    private boolean sent;

    StalledBody(CountDownLatch release) {
      this.release = release;
    }

    @Override
    public int read() throws IOException {
      byte[] b = new byte[1];
      return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!sent) {
        sent = true;
        b[off] = 'P';
        b[off + 1] = 'K';
        b[off + 2] = 3;
        b[off + 3] = 4;
        return 4;
      }
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      return -1;
    }
  }
}
