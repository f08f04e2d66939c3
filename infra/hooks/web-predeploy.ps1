# azd predeploy hook of the web service: the console calls the Function App, so the published
# console's appsettings.json gets the API's URL (the deployment output SERVICE_API_URI). Nothing
# secret goes there: the console asks each person for their own key.
$ErrorActionPreference = 'Stop'

if (-not $env:SERVICE_API_URI) { throw 'run through azd (azd up / azd deploy): SERVICE_API_URI is not set' }

$settings = 'bin/Release/net10.0/publish/wwwroot/appsettings.json'
if (-not (Test-Path (Split-Path $settings))) { throw "web predeploy: $(Split-Path $settings) not found; azd packages the console before this hook." }
@{ ApiBaseUrl = $env:SERVICE_API_URI } | ConvertTo-Json | Set-Content -Encoding utf8 $settings
Write-Host "web predeploy: the console will call $env:SERVICE_API_URI"
