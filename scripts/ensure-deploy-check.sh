# Sourced by test.sh after ensure-npm.sh: deploy/ is checked with npm tools (the Compose
# Specification's schema, the Kubernetes API schemas, a Dockerfile linter), from deploy/check's lock file.
if command -v npm >/dev/null 2>&1; then
  if [ ! -e deploy/check/node_modules/.package-lock.json ] || [ deploy/check/package-lock.json -nt deploy/check/node_modules/.package-lock.json ]; then
    (cd deploy/check && npm ci --no-audit --no-fund --silent) || echo "warning: npm ci in deploy/check failed; the deploy file tests will fail and say so." >&2
  fi
fi
