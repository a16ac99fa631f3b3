"""Event coding tables: CAMEO codes with their PLOVER type, mode, context and Goldstein weight."""

from communique.coding.cameo import CameoCode, CameoTable, cameo_table

__all__ = ["CameoCode", "CameoTable", "cameo_table"]
