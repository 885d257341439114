# Portal image for hosts with Docker. PDFs need Chromium and a CJK font in the runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/SmeZones.Web -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei fonts-dejavu-core fonttools && rm -rf /var/lib/apt/lists/*
# The cut-down print fonts PDFs are printed from (ADR 0082).
COPY scripts/print-fonts.sh /tmp/print-fonts.sh
RUN bash /tmp/print-fonts.sh && rm /tmp/print-fonts.sh
WORKDIR /app
COPY --from=build /out .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "SmeZones.Web.dll"]
