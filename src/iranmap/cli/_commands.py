"""Imports every command module so that its command is registered on ``main``."""
