package org.landledger.io.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * 连接池: the few database connections one layer reader keeps for its queries, so that queries running at the
 * same time (a map server's request threads) each have their own connection and cursor. A connection is taken
 * for one query and given back when its cursor closes; at most {@code maxIdle} are kept open in between.
 */
public final class JdbcPool implements AutoCloseable {

  /** Opens a new connection, ready for a query (e.g. read-only, autocommit off). */
  @FunctionalInterface
  public interface Opener {
    Connection open() throws SQLException;
  }

  /** Makes a used connection ready for the next query (e.g. rolls back its read-only transaction). */
  @FunctionalInterface
  public interface Reset {
    void reset(Connection c) throws SQLException;
  }

  private final Opener opener;
  private final Reset reset;
  private final int maxIdle;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  public JdbcPool(Opener opener, Reset reset, int maxIdle) {
    this.opener = opener;
    this.reset = reset;
    this.maxIdle = maxIdle;
  }

  /** A connection for one query: an idle one, else a new one. */
  public Connection take() throws SQLException {
    synchronized (this) {
      if (closed) {
        throw new SQLException("the layer reader is closed");
      }
      Connection c = idle.pollFirst();
      if (c != null) {
        return c;
      }
    }
    return opener.open();
  }

  /** Gives a connection back after its query: kept when it can be reset and there is room, else closed. */
  public void give(Connection c) {
    if (c == null) {
      return;
    }
    try {
      reset.reset(c);
      synchronized (this) {
        if (!closed && idle.size() < maxIdle) {
          idle.addFirst(c);
          return;
        }
      }
    } catch (SQLException | RuntimeException e) {
      // a broken connection is dropped below
    }
    closeQuietly(c);
  }

  /** Keeps an already open connection (e.g. the one that read the metadata) for the next query. */
  public void add(Connection c) {
    give(c);
  }

  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(JdbcPool::closeQuietly);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException ignored) {
      // closing: nothing left to do with it
    }
  }
}
