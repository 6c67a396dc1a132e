import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';

import { clientInfoOf, type ClientRequest } from './client-info';
import { LoginService, type SignInResult } from './login.service';

/** passport-local: `login` (phone, email or user name) + `password`; the signed-in result becomes `request.user`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly login: LoginService) {
    super({ usernameField: 'login', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: ClientRequest, login: string, password: string): Promise<SignInResult> {
    return this.login.signIn(login, password, clientInfoOf(request));
  }
}
