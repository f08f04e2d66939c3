// Service Bus namespace that accepts only Microsoft Entra identities (no SAS keys).
param name string
param location string = resourceGroup().location
param tags object = {}

@allowed(['Standard', 'Premium'])
param skuName string = 'Standard'

@description('Queues to create: each item is { name: string, properties: object } with the queue properties.')
param queues array = []

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource namespaceQueues 'queues' = [
    for queue in queues: {
      name: queue.name
      properties: queue.properties
    }
  ]
}

output name string = namespace.name
output resourceId string = namespace.id
// serviceBusEndpoint is 'https://<name>.servicebus.windows.net:443/' (or the sovereign cloud's suffix).
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
