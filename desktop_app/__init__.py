"""访妇情 (Fuqing): offline notebook for Women's Federation cadres."""

__version__ = "0.1.0"
APP_NAME = "fuqing"
