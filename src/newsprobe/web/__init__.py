"""The web app and REST API (`newsprobe serve`).

Needs the `web` extra: pip install -e '.[web]' in the newsprobe checkout.

>>> from newsprobe.web import create_app, WebSettings
>>> app = create_app(WebSettings(analyses=("entities",)))   # a FastAPI app; serve it with uvicorn
"""

from .app import create_app, create_app_from_env
from .settings import WebSettings

__all__ = ["WebSettings", "create_app", "create_app_from_env"]
