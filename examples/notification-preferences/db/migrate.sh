#!/bin/sh
# Applies the migrations of db/migrations that the database at $DATABASE_URL has not had yet, in
# version order, each in one transaction with its entry in schema_migrations. Needs psql.
set -eu
cd "$(dirname "$0")/.."

psql_run() {
  psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -qtAX "$@"
}

psql_run -c "CREATE TABLE IF NOT EXISTS schema_migrations (
  version    VARCHAR(20) PRIMARY KEY,
  applied_at TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP)"
database=$(psql_run -c "SELECT current_database()")
for file in $(ls db/migrations | sort -V); do
  version=${file%%__*}
  if [ -z "$(psql_run -c "SELECT 1 FROM schema_migrations WHERE version = '$version'")" ]; then
    psql_run -1 -f "db/migrations/$file" \
      -c "INSERT INTO schema_migrations (version) VALUES ('$version')"
    echo "database $database: applied $file"
  fi
done
latest=$(psql_run -c "SELECT max(version) FROM schema_migrations")
echo "database $database: migrated up to $latest"
