"""The central catalog server: stations upload signed SIP packages; supervisors search them."""
