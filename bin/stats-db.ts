#!/usr/bin/env bun
import "../src/cli/main.ts";
