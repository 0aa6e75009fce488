export const en = {
  title: "Audit log",
  none: "No audit entries match",
  at: "Time",
  actor: "Actor",
  action: "Action",
  entity: "Entity",
  entityType: "Entity type",
  entityId: "Entity id",
  change: "Change",
  viewAs: "viewing as",
};
export const nl: typeof en = {
  title: "Auditlog",
  none: "Geen auditregels gevonden",
  at: "Tijd",
  actor: "Actor",
  action: "Actie",
  entity: "Object",
  entityType: "Soort object",
  entityId: "Object-id",
  change: "Wijziging",
  viewAs: "bekijkt als",
};
