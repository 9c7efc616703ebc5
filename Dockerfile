# Build with the SDK image, run on the ASP.NET image as its non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The project files first: the restore layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY NonprofitPortal/NonprofitPortal.csproj NonprofitPortal/
RUN dotnet restore NonprofitPortal/NonprofitPortal.csproj -r linux-x64
COPY NonprofitPortal/ NonprofitPortal/
RUN dotnet publish NonprofitPortal/NonprofitPortal.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The ASP.NET image has neither curl nor wget; curl is for HEALTHCHECK only (a chiseled image,
# which has no shell or package manager, would leave health to the orchestrator's HTTP probe).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Default="Data Source=/data/nonprofitportal.db;Default Timeout=30" \
    Mail__PickupDirectory=/data/mail-pickup
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "NonprofitPortal.dll"]
