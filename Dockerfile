# Build with the SDK image, run on the ASP.NET image as its non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY NonprofitPortal/NonprofitPortal.csproj NonprofitPortal/
RUN dotnet restore NonprofitPortal/NonprofitPortal.csproj -r linux-x64
COPY NonprofitPortal/ NonprofitPortal/
RUN dotnet publish NonprofitPortal/NonprofitPortal.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Default="Data Source=/data/nonprofitportal.db;Default Timeout=30" \
    Mail__PickupDirectory=/data/mail-pickup
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "NonprofitPortal.dll"]
