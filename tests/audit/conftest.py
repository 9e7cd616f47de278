import warnings

warnings.filterwarnings("ignore", message="fetch_arrow_table", category=DeprecationWarning)
