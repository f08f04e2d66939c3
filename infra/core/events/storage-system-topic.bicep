// Event Grid system topic for a storage account's events. Subscriptions that deliver to a
// function's blob extension webhook need the deployed app's key, so azure.yaml's
// postdeploy hook creates them (infra/hooks/postdeploy.sh).
param name string
param location string = resourceGroup().location
param tags object = {}
param storageAccountId string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
output resourceId string = systemTopic.id
