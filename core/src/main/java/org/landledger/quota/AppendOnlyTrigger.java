package org.landledger.quota;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * 只增不改: an H2 trigger refusing UPDATE and DELETE on the ledger tables, so the append-only rule holds
 * for any SQL client that opens the file, not only for {@link QuotaLedger}.
 */
public final class AppendOnlyTrigger implements Trigger {

  private String table;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
      int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("quota ledger table " + table + " is append-only: rows cannot be changed or deleted; "
        + "record a correcting entry instead", "45000");
  }
}
