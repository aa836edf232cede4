"""polchan: find the police WhatsApp channel for a German place or postcode."""

__version__ = "0.1.0"
