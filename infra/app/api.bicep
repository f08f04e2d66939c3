// The Tenancy function app: Flex Consumption host plus the identity-based settings its
// triggers, bindings and clients read. No setting holds a secret.
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}
param serviceName string = 'api'

param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param serviceBusFullyQualifiedNamespace string

param runtimeVersion string = '10.0'

@description('Browser origins allowed to call the API (CORS): the console\'s Static Web App.')
param allowedOrigins array = []
@description('OpenID Connect authority whose tokens the API accepts (R14); empty: API keys only.')
param identityAuthority string = ''
@description('The audience those tokens carry.')
param identityAudience string = ''
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// The Functions host's own storage (keys, leases, blob-trigger queues): blob, queue and table URIs.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
}

// Tenancy's data: tables, the tenant-imports container (the blob trigger's connection, whose
// poison queue lives in the same account) and the local-host queues' account.
var tenancyStorageSettings = {
  TENANCY_STORAGE__credential: 'managedidentity'
  TENANCY_STORAGE__clientId: identityClientId
  TENANCY_STORAGE__blobServiceUri: storage.properties.primaryEndpoints.blob
  TENANCY_STORAGE__queueServiceUri: storage.properties.primaryEndpoints.queue
  TENANCY_STORAGE__tableServiceUri: storage.properties.primaryEndpoints.table
}

// Read by the Service Bus triggers, and by the ServiceBusClient (the senders) that
// Microsoft.Extensions.Azure builds from the same section.
var serviceBusSettings = {
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
}

// The connection string only says where to send telemetry; with local auth disabled on the
// component, ingestion is accepted only with the identity named in the authentication string.
var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// The issuer the API trusts for people's tokens (R14): discovery and keys are read over HTTPS.
var signInSettings = empty(identityAuthority) ? {} : {
  TENANCY_IDENTITY__Issuers__0__Authority: identityAuthority
  TENANCY_IDENTITY__Issuers__0__Audience: identityAudience
  TENANCY_IDENTITY__Issuers__0__RequireHttpsMetadata: 'true'
}

// Lets DefaultAzureCredential in app code pick the user-assigned identity.
var identitySettings = {
  AZURE_CLIENT_ID: identityClientId
}

module functionApp '../core/host/functions-flexconsumption.bicep' = {
  name: 'functionapp'
  params: {
    name: name
    planName: planName
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identityId
    deploymentBlobEndpoint: storage.properties.primaryEndpoints.blob
    deploymentContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: runtimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    allowedOrigins: allowedOrigins
    appSettings: union(hostStorageSettings, tenancyStorageSettings, serviceBusSettings, monitoringSettings, identitySettings, signInSettings)
  }
}

output name string = functionApp.outputs.name
output uri string = 'https://${functionApp.outputs.defaultHostName}'
