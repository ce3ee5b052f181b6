package org.landledger.homestead;

import java.util.List;
import java.util.Set;

/**
 * 宅基地宗地字段映射: which attributes of the 房地一体 cadastre layer hold the parcel code (ZDDM), the owner's ID
 * number (ZJH) or a household code, the owner's name (QLRMC), the recorded area (ZDMJ) and, optionally, a
 * status field marking idle parcels and a field marking parcels that exit. Exactly one of
 * {@code ownerIdField} / {@code householdField} identifies households.
 */
public record HomesteadFields(String idField, String ownerIdField, String householdField, String nameField,
    String recordedAreaField, String statusField, Set<String> idleValues, String exitField, String exitValue) {

  public HomesteadFields {
    if ((ownerIdField == null) == (householdField == null)) {
      throw new IllegalArgumentException("give exactly one of --owner-id-field or --household-field");
    }
    if ((exitField == null) != (exitValue == null)) {
      throw new IllegalArgumentException("--exit-field and --exit-value go together");
    }
    if (statusField != null && (idleValues == null || idleValues.isEmpty())) {
      throw new IllegalArgumentException("--status-field needs --idle-value");
    }
    idleValues = idleValues == null ? Set.of() : Set.copyOf(idleValues);
  }

  /** The standard 房地一体 names: ZDDM, ZJH, QLRMC, ZDMJ; no status or exit field. */
  public static HomesteadFields standard() {
    return new HomesteadFields("ZDDM", "ZJH", null, "QLRMC", "ZDMJ", null, Set.of(), null, null);
  }

  public HomesteadFields withHouseholdField(String field) {
    return new HomesteadFields(idField, null, field, nameField, recordedAreaField, statusField, idleValues, exitField,
        exitValue);
  }

  public HomesteadFields withOwnerIdField(String field) {
    return new HomesteadFields(idField, field, null, nameField, recordedAreaField, statusField, idleValues, exitField,
        exitValue);
  }

  public HomesteadFields withExit(String field, String value) {
    return new HomesteadFields(idField, ownerIdField, householdField, nameField, recordedAreaField, statusField,
        idleValues, field, value);
  }

  public HomesteadFields withIdle(String field, Set<String> values) {
    return new HomesteadFields(idField, ownerIdField, householdField, nameField, recordedAreaField, field, values,
        exitField, exitValue);
  }

  /** Fields that hold personal identity and must not be copied to outputs as they are. */
  public List<String> identityFields() {
    return ownerIdField != null ? List.of(ownerIdField) : List.of(householdField);
  }
}
