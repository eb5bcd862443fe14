"""grgen: a gemeenschappelijke regeling as versioned data, its amendments and approval documents."""

__version__ = "0.1.0"
