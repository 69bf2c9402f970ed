# Project file shared by stats-db and the Atlas CLI: `stats-db <command> --env NAME` and `atlas <command> --env NAME`
# read the same blocks. Secrets come from the environment, never from this file.

# The desired schema: the entities printed as SQL DDL (Atlas Pro reads this program's output; stats-db reads the
# entities directly). With the community Atlas CLI use `stats-db schema hcl > schema.hcl` and `src = "file://schema.hcl"`.
data "external_schema" "entities" {
  program = ["bunx", "stats-db", "schema", "sql"]
}

lint {
  destructive {
    error = true
  }
  data_depend {
    error = false
  }
}

# A developer's own database and a clean scratch database on the same server.
env "local" {
  src = data.external_schema.entities.url
  url = getenv("STATS_DB_URL")
  dev = getenv("STATS_DB_DEV_URL")
  migration {
    dir = "file://migrations"
  }
}

# CI: a throwaway MySQL service container.
env "ci" {
  src = data.external_schema.entities.url
  url = getenv("STATS_DB_URL")
  dev = getenv("STATS_DB_DEV_URL")
  migration {
    dir = "file://migrations"
  }
  lint {
    latest = 1
  }
}

# Production, applied by ops from the bastion host (see the README's runbook).
env "prod" {
  src = data.external_schema.entities.url
  url = getenv("STATS_DB_URL")
  migration {
    dir          = "file://migrations"
    lock_timeout = "30s"
  }
}
