from tests.store.backends import db_url, engine

__all__ = ["db_url", "engine"]
