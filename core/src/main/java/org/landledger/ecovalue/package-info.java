/**
 * 生态产品价值核算: ecosystem service value by the equivalent-factor method ({@code esv}), land-use change —
 * transfer matrix, ESV change, SEEA extent account ({@code change}), carbon stock by the InVEST carbon model's
 * method ({@code carbon}) and the GEP account ({@code gep}). Every analysis starts from the same area accounting
 * of 三调 polygons ({@link org.landledger.ecovalue.LandUseAreas}): a polygon's area × (1 − KCXS) to DLBM,
 * × KCXS to KCDLBM.
 */
package org.landledger.ecovalue;
