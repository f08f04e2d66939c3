# azd postdeploy hook (Windows): same as postdeploy.sh. Subscribes the blob trigger
# ImportTemplateBlob to BlobCreated events of the tenant-imports container through the blob
# extension webhook; the blobs_extension key is read now and never printed or stored.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'TENANT_IMPORTS_SYSTEM_TOPIC_NAME') {
  if (-not [Environment]::GetEnvironmentVariable($name)) {
    throw "postdeploy: $name is not set; run through azd (azd up / azd deploy)."
  }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
  throw 'postdeploy: the Azure CLI (az) is required to create the Event Grid subscription.'
}

$resourceGroup = $env:AZURE_RESOURCE_GROUP
$appName = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:TENANT_IMPORTS_SYSTEM_TOPIC_NAME
$container = if ($env:TENANT_IMPORTS_CONTAINER_NAME) { $env:TENANT_IMPORTS_CONTAINER_NAME } else { 'tenant-imports' }
$functionName = if ($env:IMPORT_BLOB_FUNCTION_NAME) { $env:IMPORT_BLOB_FUNCTION_NAME } else { 'ImportTemplateBlob' }
$subscriptionName = if ($env:TENANT_IMPORTS_EVENT_SUBSCRIPTION_NAME) { $env:TENANT_IMPORTS_EVENT_SUBSCRIPTION_NAME } else { 'tenant-imports-blob-created' }
$appUri = if ($env:SERVICE_API_URI) { $env:SERVICE_API_URI } else { "https://$appName.azurewebsites.net" }

if ($env:AZURE_SUBSCRIPTION_ID) {
  az account set --subscription $env:AZURE_SUBSCRIPTION_ID
}

Write-Host "Waiting for the blobs_extension key of $appName..."
$key = ''
$maxAttempts = 30
for ($attempt = 1; $attempt -le $maxAttempts; $attempt++) {
  try {
    $key = az functionapp keys list --resource-group $resourceGroup --name $appName --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $key) { break }
  }
  catch {
    # The host is still starting; try again.
  }
  $key = ''
  Start-Sleep -Seconds 10
}
if (-not $key) {
  throw "postdeploy: no blobs_extension key after $($maxAttempts * 10)s. Is the EventGrid-source blob trigger deployed and the host running? Rerun with: azd hooks run postdeploy"
}

$endpoint = "$appUri/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"

Write-Host "Creating Event Grid subscription $subscriptionName on $topic..."
# The quotes inside the string keep '&' from being read by cmd.exe, which az runs through on Windows.
az eventgrid system-topic event-subscription create `
  --name $subscriptionName `
  --resource-group $resourceGroup `
  --system-topic-name $topic `
  --endpoint-type webhook `
  --endpoint "`"$endpoint`"" `
  --included-event-types Microsoft.Storage.BlobCreated `
  --subject-begins-with "/blobServices/default/containers/$container/" `
  --max-delivery-attempts 30 `
  --event-ttl 1440 `
  --output none
if ($LASTEXITCODE -ne 0) { throw 'postdeploy: creating the Event Grid subscription failed.' }

Write-Host "Blobs created under $container/ now trigger $functionName."
