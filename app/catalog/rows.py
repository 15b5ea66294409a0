"""Peewee row classes, one per table; bound to a database when a catalog opens."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


class Row(Model):
    """Base row: the database is bound at run time, never at import."""

    class Meta:
        database = None
        legacy_table_names = False


class MetaRow(Row):
    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "meta"


class OrganisationRow(Row):
    id = AutoField()
    name = TextField()
    code = TextField()
    profile = TextField()
    created_at = TextField()

    class Meta:
        table_name = "organisation"


class UserRow(Row):
    id = AutoField()
    name = TextField(unique=True)
    full_name = TextField(default="")
    roles = TextField()
    password_hash = TextField()
    created_at = TextField()
    disabled = BooleanField(default=False)
    must_change_password = BooleanField(default=False)

    class Meta:
        table_name = "user"


class CounterRow(Row):
    name = TextField(primary_key=True)
    value = IntegerField()

    class Meta:
        table_name = "counter"


class HosoRow(Row):
    id = AutoField()
    uuid = TextField(unique=True)
    file_code = TextField(unique=True)
    profile = TextField()
    title = TextField()
    metadata = TextField()
    secret = BooleanField()
    next_number = IntegerField()
    created_at = TextField()

    class Meta:
        table_name = "hoso"


class BatchRow(Row):
    id = AutoField()
    uuid = TextField(unique=True)
    clerk = ForeignKeyField(UserRow, column_name="clerk_id")
    device = TextField()
    settings = TextField()
    started_at = TextField()

    class Meta:
        table_name = "batch"


class BlobRow(Row):
    sha256 = TextField(primary_key=True)
    size = IntegerField()
    created_at = TextField()

    class Meta:
        table_name = "blob"


class DocumentRow(Row):
    id = AutoField()
    uuid = TextField(unique=True)
    hoso = ForeignKeyField(HosoRow, column_name="hoso_id")
    number = IntegerField()
    doc_code = TextField(unique=True)
    metadata = TextField()
    type_name = TextField()
    issued_date = TextField()
    state = TextField()
    reason = TextField()
    secret = BooleanField()
    clerk = ForeignKeyField(UserRow, column_name="clerk_id")
    batch = ForeignKeyField(BatchRow, column_name="batch_id", null=True)
    page_count = IntegerField()
    created_at = TextField()
    updated_at = TextField()

    class Meta:
        table_name = "document"


class FileRow(Row):
    id = AutoField()
    document = ForeignKeyField(DocumentRow, column_name="document_id")
    version = IntegerField()
    blob = ForeignKeyField(BlobRow, column_name="sha256", field=BlobRow.sha256)
    kind = TextField()
    created_at = TextField()

    class Meta:
        table_name = "file"


class PageRow(Row):
    document = ForeignKeyField(DocumentRow, column_name="document_id")
    number = IntegerField()
    text = TextField()

    class Meta:
        table_name = "page"
        primary_key = CompositeKey("document", "number")


class AuditRow(Row):
    seq = IntegerField(primary_key=True)
    at = TextField()
    user = TextField()
    action = TextField()
    entity = TextField()
    entity_id = TextField()
    data = TextField()
    prev_hash = TextField()
    hash = TextField()

    class Meta:
        table_name = "audit"


class OutboxRow(Row):
    id = AutoField()
    document = ForeignKeyField(DocumentRow, column_name="document_id")
    version_key = TextField()
    state = TextField()  # pending | sent | failed | refused
    package_sha256 = TextField(default="")
    package_size = IntegerField(default=0)
    attempts = IntegerField(default=0)
    error = TextField(default="")
    receipt = TextField(default="")  # the server's receipt, JSON
    created_at = TextField()
    updated_at = TextField()

    class Meta:
        table_name = "outbox"


ROWS: list[type[Row]] = [
    MetaRow,
    OrganisationRow,
    UserRow,
    CounterRow,
    HosoRow,
    BatchRow,
    BlobRow,
    DocumentRow,
    FileRow,
    PageRow,
    AuditRow,
    OutboxRow,
]
