package org.landledger.io.query;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.landledger.io.Feature;

/**
 * 要素游标: the answer to a {@link Query}, streamed — never a whole list. Close it (try-with-resources) to
 * release the store's file handles, statements or cursors. {@link #pushedDown()} says which parts of the query
 * the store answered itself.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {

  /** The parts of the query the store answered itself (the rest was done over its stream). */
  Set<PushDown> pushedDown();

  @Override
  void close();

  /** The rest of the cursor as a stream that closes the cursor when closed. */
  default Stream<Feature> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  /** A cursor over an iterator, closing {@code onClose} when closed. */
  static FeatureCursor of(Iterator<Feature> it, Set<PushDown> pushed, AutoCloseable onClose) {
    Set<PushDown> p = Set.copyOf(pushed);
    return new FeatureCursor() {
      private boolean closed;

      @Override
      public boolean hasNext() {
        return !closed && it.hasNext();
      }

      @Override
      public Feature next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return it.next();
      }

      @Override
      public Set<PushDown> pushedDown() {
        return p;
      }

      @Override
      public void close() {
        if (closed) {
          return;
        }
        closed = true;
        if (onClose != null) {
          try {
            onClose.close();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        }
      }
    };
  }
}
