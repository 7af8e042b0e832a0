"""Reading bytes safely: YAML with caps, and the files shipped with tco."""
