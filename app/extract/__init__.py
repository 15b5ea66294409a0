"""Reading a fed stack: separation into documents and the metadata printed on their first page."""
