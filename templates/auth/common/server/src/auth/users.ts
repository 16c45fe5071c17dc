import type { User } from '@app/shared';

/** A stored account: the public user plus its password hash, which never leaves the server. */
export interface UserRecord extends User {
  passwordHash: string;
}

export interface UserRepository {
  /** False when the email is already taken. */
  insert(user: UserRecord): Promise<boolean>;
  findByEmail(email: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
}

/** One message for an unknown email and a wrong password, so the answer reveals neither. */
export const INVALID_CREDENTIALS = 'The email or password is incorrect.';

export function toUser({ id, email, createdAt }: UserRecord): User {
  return { id, email, createdAt };
}
