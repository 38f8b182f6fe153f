"""The bundled data files: `glossary.csv`, loaded with importlib.resources."""
