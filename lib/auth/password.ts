/** Password hashing with bcrypt (bcryptjs: maintained, pure JavaScript, no native build). */
import bcrypt from "bcryptjs";

const cost = 12;
export const minPasswordLength = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
