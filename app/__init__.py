"""Deputy Desk (代表履职工作台): domain and services. Nothing here imports Qt."""
__version__ = "0.1.0"
