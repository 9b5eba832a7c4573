/** The signed-in person who runs a command on an organisation, as the routes pass it to use cases. */
export interface ActingUser {
  userId: string;
  name: string;
  ip: string | undefined;
}

export function userActor(by: ActingUser) {
  return { type: 'user' as const, userId: by.userId, ip: by.ip };
}
