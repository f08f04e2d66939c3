#!/bin/sh
# azd predeploy hook of the web service: the console calls the Function App, so the published
# console's appsettings.json gets the API's URL (the deployment output SERVICE_API_URI). Nothing
# secret goes there: the console asks each person for their own key.
set -eu

: "${SERVICE_API_URI:?run through azd (azd up / azd deploy): SERVICE_API_URI is not set}"

settings="bin/Release/net10.0/publish/wwwroot/appsettings.json"
if [ ! -d "$(dirname "$settings")" ]; then
  echo "web predeploy: $(dirname "$settings") not found; azd packages the console before this hook." >&2
  exit 1
fi
printf '{\n  "ApiBaseUrl": "%s"\n}\n' "$SERVICE_API_URI" > "$settings"
echo "web predeploy: the console will call $SERVICE_API_URI"
