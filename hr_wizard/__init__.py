"""hr-wizard: connect a gemeente to the KvK Handelsregister (HR inzien), step by step."""

__version__ = "0.1.0"
