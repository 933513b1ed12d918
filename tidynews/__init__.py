"""tidynews: news articles in, a validated, versioned Frictionless data package out."""

__version__ = "0.1.0"
