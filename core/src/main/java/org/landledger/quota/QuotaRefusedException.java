package org.landledger.quota;

/**
 * 指标台账拒绝记账: an entry the ledger refuses — unknown quota, more returned than issued, more used or
 * transferred than available, a reference recorded twice, a malformed value. Nothing of the refused
 * operation is written. An {@link IllegalArgumentException}, so the CLI exits with 2.
 */
public class QuotaRefusedException extends IllegalArgumentException {
  public QuotaRefusedException(String message) {
    super(message);
  }

  public QuotaRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
