// Tenancy on Azure: a Flex Consumption function app with its storage, Service Bus queues,
// Event Grid system topic, monitoring and one user-assigned identity. Every connection is
// identity based: no connection string, key or SAS is created, stored or output.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional: the principal running azd, granted blob upload and Service Bus send/receive for testing. Empty grants nothing.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

param resourceGroupName string = ''
param functionAppName string = ''
param storageAccountName string = ''
param serviceBusNamespaceName string = ''

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

// Sign-in with work accounts (R14, docs/sign-in.md): the Microsoft Entra ID authority whose tokens the API
// accepts, and the audience they carry (the API app registration's client id or Application ID URI). Empty
// authority: API keys only.
@description('OpenID Connect authority trusted by the API, e.g. https://login.microsoftonline.com/organizations/v2.0 or https://login.microsoftonline.com/{directory id}/v2.0. Empty: API keys only.')
param identityAuthority string = ''

@description('The audience of the API\'s access tokens: the API app registration\'s client id (v2 tokens) or its Application ID URI.')
param identityAudience string = ''

// Static Web Apps run in a few regions only; the console's files are served from the nearest edge anyway.
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param webLocation string = 'westeurope'

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(appName, 32)}-${take(resourceToken, 7)}'

// Names the application code relies on (SPEC.md "Hosts", API.md "Messages").
var tenantImportsContainerName = 'tenant-imports'
// The Event Grid blob trigger's poison queue, in the trigger connection's account.
var blobTriggerPoisonQueueName = 'webjobs-blobtrigger-poison'
var importChunksQueueName = 'tenant-import-chunks'
var incomingTicketsQueueName = 'incoming-tickets'
var ticketAssignmentsQueueName = 'ticket-assignments'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containers: [
      deploymentContainerName
      tenantImportsContainerName
    ]
    queues: [
      blobTriggerPoisonQueueName
    ]
  }
}

module storageEvents 'core/events/storage-system-topic.bicep' = {
  name: 'storageEvents'
  scope: rg
  params: {
    name: '${abbrs.eventGridSystemTopics}storage-${resourceToken}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.resourceId
  }
}

module serviceBus 'core/messaging/service-bus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: !empty(serviceBusNamespaceName) ? serviceBusNamespaceName : '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    skuName: 'Standard'
    queues: [
      {
        // Chunks carry MessageId '{importId}-{chunk}': a chunk re-sent after a crash or a
        // second blob event within a day (Event Grid's default retry span) is dropped here.
        // Duplicate detection cannot be switched on after the queue exists.
        name: importChunksQueueName
        properties: {
          requiresDuplicateDetection: true
          duplicateDetectionHistoryTimeWindow: 'P1D'
          lockDuration: 'PT2M'
          maxDeliveryCount: 10
          deadLetteringOnMessageExpiration: true
          defaultMessageTimeToLive: 'P14D'
          enableBatchedOperations: true
        }
      }
      {
        // Malformed tickets are dead-lettered by the function with a reason; a ticket that
        // keeps failing for other causes lands there after five tries.
        name: incomingTicketsQueueName
        properties: {
          lockDuration: 'PT1M'
          maxDeliveryCount: 5
          deadLetteringOnMessageExpiration: true
          defaultMessageTimeToLive: 'P14D'
          enableBatchedOperations: true
        }
      }
      {
        name: ticketAssignmentsQueueName
        properties: {
          lockDuration: 'PT1M'
          maxDeliveryCount: 10
          deadLetteringOnMessageExpiration: true
          defaultMessageTimeToLive: 'P14D'
          enableBatchedOperations: true
        }
      }
    ]
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
}

module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}web-${resourceToken}'
    location: webLocation
    tags: tags
    serviceName: 'web'
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: appName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    identityAuthority: identityAuthority
    identityAudience: identityAudience
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    // The console's origin, and no other, may call the API from a browser (R11).
    allowedOrigins: [
      web.outputs.uri
    ]
  }
  // The host starts as soon as the app exists; let it find its roles in place.
  dependsOn: [
    rbac
  ]
}

// azd reads these into the environment (.azure/<env>/.env); the postdeploy hook uses them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = web.outputs.uri
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.primaryBlobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.primaryTableEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.primaryQueueEndpoint
output TENANT_IMPORTS_CONTAINER_NAME string = tenantImportsContainerName
output TENANT_IMPORTS_SYSTEM_TOPIC_NAME string = storageEvents.outputs.name
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.name
output AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TENANCY_IDENTITY_AUTHORITY string = identityAuthority
output TENANCY_IDENTITY_AUDIENCE string = identityAudience
