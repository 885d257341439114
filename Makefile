# The two commands a newcomer needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PG_DIR ?= .data/pg
PG_PORT ?= 55432
URL ?= http://127.0.0.1:5080
# Two roles (ADR 0006): the owner migrates, the portal connects as the application role.
DEV_OWNER_CONNECTION := Host=127.0.0.1;Port=$(PG_PORT);Username=smezones_owner;Database=smezones
DEV_CONNECTION := Host=127.0.0.1;Port=$(PG_PORT);Username=smezones_app;Database=smezones

.PHONY: run stop test build

run:
	@bash scripts/deps.sh
	@dotnet build src/SmeZones.Web -c Release -nologo -v quiet
	@if [ -z "$$ConnectionStrings__Default" ]; then \
	   bash scripts/pg.sh start $(PG_DIR) $(PG_PORT) && \
	   bash scripts/ensure-db.sh $(PG_DIR) $(PG_PORT) smezones; \
	 fi
	@# From the project folder, so its appsettings.json and wwwroot are the content root.
	@if [ -z "$$ConnectionStrings__Default" ]; then export ConnectionStrings__Owner="$(DEV_OWNER_CONNECTION)"; fi; \
	 export ConnectionStrings__Default="$${ConnectionStrings__Default:-$(DEV_CONNECTION)}" ASPNETCORE_ENVIRONMENT="$${ASPNETCORE_ENVIRONMENT:-Development}"; \
	 cd src/SmeZones.Web && \
	 dotnet bin/Release/net10.0/SmeZones.Web.dll migrate && \
	 dotnet bin/Release/net10.0/SmeZones.Web.dll seed-demo && \
	 echo "SmeZones: $(URL) (demo password SmeZones#2026; make stop stops the database)" && \
	 exec dotnet bin/Release/net10.0/SmeZones.Web.dll --urls $(URL)

stop:
	@bash scripts/pg.sh stop $(PG_DIR)

test:
	@bash scripts/test.sh

build:
	@dotnet build SmeZones.sln -nologo
