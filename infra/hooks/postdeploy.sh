#!/bin/sh
# azd postdeploy hook: subscribe the blob trigger ImportTemplateBlob to BlobCreated events of
# the tenant-imports container. Event Grid delivers to the blob extension's webhook, whose
# URL carries the app's blobs_extension system key; that key exists only once the deployed
# host has started with an Event Grid blob trigger, so this runs after deploy, reads the key
# at that moment and hands it straight to Event Grid. The key is never printed or stored.
set -eu

: "${AZURE_RESOURCE_GROUP:?run through azd (azd up / azd deploy): AZURE_RESOURCE_GROUP is not set}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
: "${TENANT_IMPORTS_SYSTEM_TOPIC_NAME:?TENANT_IMPORTS_SYSTEM_TOPIC_NAME is not set}"

container="${TENANT_IMPORTS_CONTAINER_NAME:-tenant-imports}"
function_name="${IMPORT_BLOB_FUNCTION_NAME:-ImportTemplateBlob}"
subscription_name="${TENANT_IMPORTS_EVENT_SUBSCRIPTION_NAME:-tenant-imports-blob-created}"
app_uri="${SERVICE_API_URI:-https://${AZURE_FUNCTION_APP_NAME}.azurewebsites.net}"

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required to create the Event Grid subscription." >&2
  exit 1
fi

if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  az account set --subscription "$AZURE_SUBSCRIPTION_ID"
fi

echo "Waiting for the blobs_extension key of ${AZURE_FUNCTION_APP_NAME}..."
key=""
attempt=1
max_attempts=30
while [ "$attempt" -le "$max_attempts" ]; do
  key=$(az functionapp keys list \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" \
    --output tsv 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  sleep 10
  attempt=$((attempt + 1))
done

if [ -z "$key" ]; then
  echo "postdeploy: no blobs_extension key after $((max_attempts * 10))s. Is a function with" >&2
  echo "  [BlobTrigger(..., Source = BlobTriggerSource.EventGrid)] deployed and the host running?" >&2
  echo "  Rerun with: azd hooks run postdeploy" >&2
  exit 1
fi

endpoint="${app_uri}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"

echo "Creating Event Grid subscription ${subscription_name} on ${TENANT_IMPORTS_SYSTEM_TOPIC_NAME}..."
az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$TENANT_IMPORTS_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${container}/" \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none

echo "Blobs created under ${container}/ now trigger ${function_name}."
