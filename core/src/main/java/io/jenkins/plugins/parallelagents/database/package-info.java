/**
 * A database per task, on a PostgreSQL server or any engine the plan's commands drive: the run's
 * foundation database, the template made from it once the foundation is migrated, the tasks' and
 * the combined test's copies of that template, and the ledger that lets a later clean drop them
 * all.
 */
package io.jenkins.plugins.parallelagents.database;
